/**
 * One worker of the command line's pool (cli/pool.ts): reads and checks the pages it is sent,
 * one at a time, and answers each with its Analysis or the reason it could not be read. The
 * time limit is the pool's: it ends a worker that takes too long.
 */
import { parentPort } from 'node:worker_threads';
import { analyze } from '../utils/report/analyze.ts';
import { pageFromLoaded, type Loaded } from './inputs.ts';
import { failure, type Entry } from './entries.ts';

const WARM_UP = '<title>2021年政府信息公开工作年度报告</title><p>一、总体情况</p><table><tr><td>本年新收政府信息公开申请数量</td><td>1</td></tr></table><p>四、政府信息公开行政复议、行政诉讼情况</p>';

export interface Job {
  loaded: Loaded;
}
export interface Answer {
  entry: Entry;
}

parentPort?.on('message', ({ loaded }: Job) => {
  let entry: Entry;
  try {
    entry = analyze(pageFromLoaded(loaded));
  } catch (e) {
    entry = failure(loaded.source, e); // one bad page never stops the batch
  }
  parentPort!.postMessage({ entry } satisfies Answer);
});
// A small page first: the engine's tables and expressions are built on a first page, which
// would otherwise take the first real page's time (and a replacement worker's first page
// could pass a short time limit). Then the pool may send pages and start their clocks.
analyze(pageFromLoaded({ source: 'warm-up.html', hint: 'html', bytes: new TextEncoder().encode(WARM_UP) }));
parentPort?.postMessage('ready');
