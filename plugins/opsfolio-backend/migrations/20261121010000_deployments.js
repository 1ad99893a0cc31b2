// @ts-check

/**
 * Deployments from every source (vendor modules and the push API), and each source's small state
 * (ETags, cursors) so incremental syncs survive restarts.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('opsfolio_deployments', table => {
    table.bigIncrements('id').primary();
    table.string('source', 255).notNullable();
    table.string('external_id', 255).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('environment', 255).notNullable();
    table.string('version', 255).notNullable();
    table.string('commit_sha', 64).nullable();
    table.string('status', 16).notNullable();
    table.string('started_at', 32).notNullable();
    table.string('finished_at', 32).nullable();
    table.text('url').nullable();
    table.string('actor', 255).nullable();
    table.boolean('rollback').notNullable().defaultTo(false);
    // JSON array of ISO times of the commits this deployment shipped, for change lead time.
    table.text('commit_timestamps').nullable();
    table.string('updated_at', 32).notNullable();
    // Per entity: components that share a repository each get the repository's deployments.
    table.unique(['source', 'external_id', 'entity_ref'], { indexName: 'opsfolio_deployments_source_external_uq' });
    table.index(['entity_ref', 'started_at'], 'opsfolio_deployments_entity_started_idx');
    table.index(['entity_ref', 'environment', 'started_at'], 'opsfolio_deployments_entity_env_started_idx');
  });
  await knex.schema.createTable('opsfolio_source_state', table => {
    table.string('source_id', 255).notNullable();
    table.string('key', 512).notNullable();
    table.text('value').notNullable();
    table.string('updated_at', 32).notNullable();
    table.primary(['source_id', 'key']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('opsfolio_source_state');
  await knex.schema.dropTable('opsfolio_deployments');
};
