/**
 * `npm run sample`: the command line on the bundled sample report, as the README's quick start
 * shows it. Exit 0 when the check ran (the sample has findings: exit code 1 of the CLI is the
 * expected answer, not a failure); 2 when it could not read the sample. A node script rather
 * than `…; test $? -le 1`, which Windows' shell lacks.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../cli/main.ts';

const SAMPLE = relative(process.cwd(), fileURLToPath(new URL('../tests/fixtures/html/seed-003-shaanxi-2021.html', import.meta.url)));
const code = await main([...process.argv.slice(2), SAMPLE]);
process.exitCode = code <= 1 ? 0 : code;
