import type { LoggerService } from '@backstage/backend-plugin-api';
import type { FactAnswer, FactContext, FactProvider, FactSubject } from '@opsfolio/backstage-plugin-node';

/**
 * Every provider's facts for the subjects, merged per entity. A provider that fails leaves its facts "not
 * reported" with its error, so one broken source never fails a check or the whole evaluation.
 */
export async function collectFacts(
  providers: FactProvider[],
  subjects: FactSubject[],
  context: FactContext,
  logger: LoggerService,
): Promise<Map<string, Record<string, FactAnswer>>> {
  const merged = new Map<string, Record<string, FactAnswer>>(subjects.map(s => [s.entityRef, {}]));
  for (const provider of providers) {
    let answers: Map<string, Record<string, FactAnswer>>;
    try {
      answers = await provider.collect(subjects, context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn(`Opsfolio fact provider '${provider.id}' failed; its facts read as not reported: ${message}`);
      const failed = Object.fromEntries(provider.facts.map(f => [f.id, { notReported: `${provider.id} facts could not be read: ${message}` }]));
      for (const facts of merged.values()) Object.assign(facts, failed);
      continue;
    }
    for (const [ref, facts] of answers) {
      const target = merged.get(ref);
      if (target) Object.assign(target, facts);
    }
  }
  return merged;
}
