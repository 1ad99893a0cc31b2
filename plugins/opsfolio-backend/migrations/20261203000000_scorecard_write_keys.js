// @ts-check

/**
 * A check transition or a level change can be recorded once only: two replicas evaluating the same entity
 * at the same instant (or an evaluation retried after a timeout) used to insert the same row twice. Rows
 * already duplicated that way are dropped, keeping the first.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.raw(
    `delete from opsfolio_scorecard_transitions where id not in (
       select min(id) from opsfolio_scorecard_transitions group by scorecard_id, entity_ref, check_id, at)`,
  );
  await knex.raw(
    `delete from opsfolio_scorecard_level_changes where id not in (
       select min(id) from opsfolio_scorecard_level_changes group by scorecard_id, entity_ref, at)`,
  );
  await knex.schema.alterTable('opsfolio_scorecard_transitions', table => {
    table.unique(['scorecard_id', 'entity_ref', 'check_id', 'at'], { indexName: 'opsfolio_scorecard_transitions_once' });
  });
  await knex.schema.alterTable('opsfolio_scorecard_level_changes', table => {
    table.unique(['scorecard_id', 'entity_ref', 'at'], { indexName: 'opsfolio_scorecard_level_changes_once' });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('opsfolio_scorecard_level_changes', table => {
    table.dropUnique(['scorecard_id', 'entity_ref', 'at'], 'opsfolio_scorecard_level_changes_once');
  });
  await knex.schema.alterTable('opsfolio_scorecard_transitions', table => {
    table.dropUnique(['scorecard_id', 'entity_ref', 'check_id', 'at'], 'opsfolio_scorecard_transitions_once');
  });
};
