// @ts-check

/**
 * Cost: daily spend per source, day, tag value ('' = untagged), cloud service and currency; the days
 * each source has covered (so a day without spend is known to be zero, and estimated days are re-read);
 * and a monthly roll-up per tag value that the overview reads instead of a year of days.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('opsfolio_cost_daily', table => {
    table.string('source', 255).notNullable();
    table.string('day', 10).notNullable();
    table.string('tag_value', 255).notNullable();
    table.string('cloud_service', 255).notNullable();
    table.string('currency', 8).notNullable();
    table.double('amount').notNullable();
    table.primary(['source', 'day', 'tag_value', 'cloud_service', 'currency']);
    table.index(['tag_value', 'day'], 'opsfolio_cost_daily_tag_day_idx');
    table.index(['day'], 'opsfolio_cost_daily_day_idx');
  });
  await knex.schema.createTable('opsfolio_cost_days', table => {
    table.string('source', 255).notNullable();
    table.string('day', 10).notNullable();
    table.boolean('estimated').notNullable();
    table.primary(['source', 'day']);
  });
  await knex.schema.createTable('opsfolio_cost_monthly', table => {
    table.string('source', 255).notNullable();
    table.string('month', 7).notNullable();
    table.string('tag_value', 255).notNullable();
    table.string('currency', 8).notNullable();
    table.double('amount').notNullable();
    table.primary(['source', 'month', 'tag_value', 'currency']);
    table.index(['month'], 'opsfolio_cost_monthly_month_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('opsfolio_cost_monthly');
  await knex.schema.dropTable('opsfolio_cost_days');
  await knex.schema.dropTable('opsfolio_cost_daily');
};
