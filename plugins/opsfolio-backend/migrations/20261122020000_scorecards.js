// @ts-check

/**
 * Scorecards: each entity's latest results per scorecard (with the time each check entered its state), every
 * check transition and level change (so "failing since" and "dropped because" are answerable), and one
 * snapshot per entity and day for trends, pruned after `opsfolio.scorecards.historyDays`.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('opsfolio_scorecard_entities', table => {
    table.string('scorecard_id', 64).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('level', 64).nullable();
    table.integer('passing').notNullable();
    table.integer('total').notNullable();
    table.text('info').notNullable();
    table.text('results').notNullable();
    table.text('exemption_problems').notNullable();
    table.string('evaluated_at', 32).notNullable();
    table.primary(['scorecard_id', 'entity_ref']);
  });
  await knex.schema.createTable('opsfolio_scorecard_transitions', table => {
    table.increments('id');
    table.string('scorecard_id', 64).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('check_id', 64).notNullable();
    table.string('at', 32).notNullable();
    table.string('from_state', 16).nullable();
    table.string('to_state', 16).notNullable();
    table.text('value').nullable();
    table.text('reason').notNullable();
    table.index(['scorecard_id', 'entity_ref', 'at'], 'opsfolio_scorecard_transitions_entity');
    table.index(['at'], 'opsfolio_scorecard_transitions_at');
  });
  await knex.schema.createTable('opsfolio_scorecard_level_changes', table => {
    table.increments('id');
    table.string('scorecard_id', 64).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('at', 32).notNullable();
    table.string('from_level', 64).nullable();
    table.string('to_level', 64).nullable();
    table.text('because').notNullable();
    table.index(['scorecard_id', 'entity_ref', 'at'], 'opsfolio_scorecard_level_changes_entity');
    table.index(['at'], 'opsfolio_scorecard_level_changes_at');
  });
  await knex.schema.createTable('opsfolio_scorecard_daily', table => {
    table.string('scorecard_id', 64).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('day', 10).notNullable();
    table.string('level', 64).nullable();
    table.integer('passing').notNullable();
    table.integer('total').notNullable();
    table.primary(['scorecard_id', 'entity_ref', 'day']);
    table.index(['scorecard_id', 'day'], 'opsfolio_scorecard_daily_day');
    // Retention prunes by day across scorecards.
    table.index(['day'], 'opsfolio_scorecard_daily_prune');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('opsfolio_scorecard_daily');
  await knex.schema.dropTable('opsfolio_scorecard_level_changes');
  await knex.schema.dropTable('opsfolio_scorecard_transitions');
  await knex.schema.dropTable('opsfolio_scorecard_entities');
};
