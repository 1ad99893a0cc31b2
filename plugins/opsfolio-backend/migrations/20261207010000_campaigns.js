// @ts-check

/**
 * Campaigns created through the API; campaigns from configuration are never stored.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('opsfolio_campaigns', table => {
    table.string('id', 64).primary();
    table.text('definition').notNullable();
    table.string('created_by', 255).nullable();
    table.string('created_at', 32).notNullable();
    table.string('updated_by', 255).nullable();
    table.string('updated_at', 32).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('opsfolio_campaigns');
};
