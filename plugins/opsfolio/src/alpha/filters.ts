/** Cards show on components; each card explains its own empty state, so none is hidden by an annotation filter. */
export const components = { kind: 'component' };
