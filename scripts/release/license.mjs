#!/usr/bin/env node
// npm packs only what is in the package's folder: the prepack script puts the repository's LICENSE into
// the package being packed (`add`) and postpack takes it out again (`remove`). Run from a package folder.
import { copyFileSync, rmSync } from 'node:fs';

const root = new URL('../../LICENSE', import.meta.url);
if (process.argv[2] === 'add') copyFileSync(root, 'LICENSE');
else rmSync('LICENSE', { force: true });
