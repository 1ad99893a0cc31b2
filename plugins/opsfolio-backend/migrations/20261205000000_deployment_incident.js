// @ts-check

/**
 * The incident a deployment was made for, as its source or push names it: DORA's deployment rework rate
 * counts such deploys whatever their time.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('opsfolio_deployments', table => {
    table.string('incident_id', 255).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('opsfolio_deployments', table => {
    table.dropColumn('incident_id');
  });
};
