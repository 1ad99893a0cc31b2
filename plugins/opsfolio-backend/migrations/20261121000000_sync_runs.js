// @ts-check

/**
 * The sync-run log: one row per run of a source, so /health and the UI can say how fresh each figure is.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('opsfolio_sync_runs', table => {
    table.increments('id').primary();
    table.string('source_id', 255).notNullable();
    table.string('status', 16).notNullable();
    // ISO-8601 UTC strings on every dialect: they sort and compare the same on SQLite and PostgreSQL.
    table.string('started_at', 32).notNullable();
    table.string('finished_at', 32).nullable();
    table.integer('items').nullable();
    table.text('error').nullable();
    table.index(['source_id', 'started_at'], 'opsfolio_sync_runs_source_started_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('opsfolio_sync_runs');
};
