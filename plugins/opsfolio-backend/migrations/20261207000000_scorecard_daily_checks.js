// @ts-check

/**
 * Which checks did not count as passing, and which were exempt, in each daily snapshot: a campaign over some
 * checks draws its burn-up from them exactly. Snapshots written before this are left with none.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('opsfolio_scorecard_daily', table => {
    // JSON lists of check ids.
    table.text('failing').nullable();
    table.text('exempt').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('opsfolio_scorecard_daily', table => {
    table.dropColumn('failing');
    table.dropColumn('exempt');
  });
};
