import { vi } from 'vitest';
import '@testing-library/jest-dom/vitest';

(globalThis as any).jest = vi;
