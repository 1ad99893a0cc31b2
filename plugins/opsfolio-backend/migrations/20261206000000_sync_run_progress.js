// @ts-check

/**
 * How far a running sync has got ("12 of 40 repositories"), kept on its run so that every replica can
 * serve it in /health while one replica runs the sync.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('opsfolio_sync_runs', table => {
    table.text('progress').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('opsfolio_sync_runs', table => {
    table.dropColumn('progress');
  });
};
