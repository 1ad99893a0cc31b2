// @ts-check

/**
 * On-call: the last "on call now" read per entity and source (served with its age when the vendor is
 * down), and incidents keyed like deployments.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('opsfolio_oncall_snapshots', table => {
    table.string('entity_ref', 255).notNullable();
    table.string('source', 255).notNullable();
    // JSON: who is on call at every escalation level, as the API returns it.
    table.text('snapshot').notNullable();
    table.string('read_at', 32).notNullable();
    table.primary(['entity_ref', 'source']);
  });
  await knex.schema.createTable('opsfolio_incidents', table => {
    table.bigIncrements('id').primary();
    table.string('source', 255).notNullable();
    table.string('external_id', 255).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.text('title').notNullable();
    table.string('status', 16).notNullable();
    table.string('urgency', 16).nullable();
    table.string('severity', 32).nullable();
    table.string('created_at', 32).notNullable();
    table.string('acknowledged_at', 32).nullable();
    table.string('resolved_at', 32).nullable();
    table.text('url').nullable();
    table.string('updated_at', 32).notNullable();
    table.unique(['source', 'external_id', 'entity_ref'], { indexName: 'opsfolio_incidents_source_external_uq' });
    table.index(['entity_ref', 'created_at'], 'opsfolio_incidents_entity_created_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('opsfolio_incidents');
  await knex.schema.dropTable('opsfolio_oncall_snapshots');
};
