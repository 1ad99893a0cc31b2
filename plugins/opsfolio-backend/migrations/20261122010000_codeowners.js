// @ts-check

/**
 * Ownership: the CODEOWNERS file read for each entity (its text, not a verdict, so a catalog change is
 * judged at once), with its ETag for a cheap refresh and the last error.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('opsfolio_codeowners', table => {
    table.string('entity_ref', 255).primary();
    table.text('url').nullable();
    table.string('etag', 255).nullable();
    table.text('content').nullable();
    table.text('path').notNullable();
    table.string('read_at', 32).notNullable();
    table.text('error').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('opsfolio_codeowners');
};
