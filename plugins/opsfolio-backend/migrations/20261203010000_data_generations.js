// @ts-check

/**
 * One counter per kind of stored data (cost, scorecards), bumped in the transaction of every write: each
 * replica compares it with the one its caches were built at, so a write on one replica shows on all.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('opsfolio_data_generations', table => {
    table.string('kind', 64).primary();
    table.bigInteger('generation').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('opsfolio_data_generations');
};
