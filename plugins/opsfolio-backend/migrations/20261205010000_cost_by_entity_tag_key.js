// @ts-check

/**
 * Spend read by an entity's own tag key (an `opsfolio.io/cost-tag` whose key is not the organisation's
 * allocation key), apart from the organisation's rows: only the entities that name the key read it, so the
 * same money is never in the organisation's totals twice. Monthly sums come from these daily rows.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('opsfolio_cost_daily_by_key', table => {
    table.string('source', 255).notNullable();
    table.string('day', 10).notNullable();
    table.string('tag_key', 255).notNullable();
    table.string('tag_value', 255).notNullable();
    table.string('cloud_service', 255).notNullable();
    table.string('currency', 8).notNullable();
    table.double('amount').notNullable();
    table.boolean('estimated').notNullable().defaultTo(false);
    table.primary(['source', 'day', 'tag_key', 'tag_value', 'cloud_service', 'currency']);
    table.index(['tag_key', 'tag_value', 'day'], 'opsfolio_cost_daily_by_key_tag_day_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('opsfolio_cost_daily_by_key');
};
