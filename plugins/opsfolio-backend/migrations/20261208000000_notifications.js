// @ts-check

/**
 * The notifications' outbox: one row per event and person, so an event is sent once whichever replica or run
 * finds it; and the indexes that let a run read the scorecards' recent transitions without a full scan.
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('opsfolio_notification_outbox', table => {
    table.string('event_key', 512).notNullable();
    table.string('user_ref', 255).notNullable();
    table.string('topic', 64).notNullable();
    table.text('item').notNullable();
    table.string('created_at', 32).notNullable();
    table.string('claimed_by', 64).nullable();
    table.string('claimed_at', 32).nullable();
    table.string('sent_at', 32).nullable();
    table.integer('attempts').notNullable().defaultTo(0);
    table.primary(['event_key', 'user_ref']);
    table.index(['sent_at', 'created_at'], 'opsfolio_notification_outbox_pending_idx');
    table.index(['user_ref', 'topic', 'created_at'], 'opsfolio_notification_outbox_user_topic_idx');
  });
  await knex.schema.alterTable('opsfolio_scorecard_transitions', table => {
    table.index(['at'], 'opsfolio_scorecard_transitions_at_idx');
  });
  await knex.schema.alterTable('opsfolio_scorecard_level_changes', table => {
    table.index(['at'], 'opsfolio_scorecard_level_changes_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('opsfolio_scorecard_level_changes', table => {
    table.dropIndex(['at'], 'opsfolio_scorecard_level_changes_at_idx');
  });
  await knex.schema.alterTable('opsfolio_scorecard_transitions', table => {
    table.dropIndex(['at'], 'opsfolio_scorecard_transitions_at_idx');
  });
  await knex.schema.dropTable('opsfolio_notification_outbox');
};
