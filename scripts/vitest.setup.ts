import { vi } from 'vitest';

// Backstage's test utilities call the global jest.fn(); vitest's vi is API-compatible for what they use.
(globalThis as any).jest = vi;
