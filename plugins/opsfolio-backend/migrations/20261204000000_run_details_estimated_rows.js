// @ts-check

/**
 * What each sync run read and left out (rows, malformed lines, days replaced), and `estimated` per daily
 * cost row: a source's estimated day marks only the tag values it reported that day, not every entity.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('opsfolio_sync_runs', table => {
    table.text('details').nullable();
  });
  await knex.schema.alterTable('opsfolio_cost_daily', table => {
    table.boolean('estimated').notNullable().defaultTo(false);
  });
  // Until now estimation was kept per source and day: carry it over to that day's rows.
  await knex('opsfolio_cost_daily')
    .whereExists(q =>
      q
        .select(knex.raw('1'))
        .from('opsfolio_cost_days')
        .whereRaw('opsfolio_cost_days.source = opsfolio_cost_daily.source')
        .andWhereRaw('opsfolio_cost_days.day = opsfolio_cost_daily.day')
        .andWhere('opsfolio_cost_days.estimated', true),
    )
    .update({ estimated: true });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('opsfolio_cost_daily', table => {
    table.dropColumn('estimated');
  });
  await knex.schema.alterTable('opsfolio_sync_runs', table => {
    table.dropColumn('details');
  });
};
