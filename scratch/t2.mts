import { loadSpec } from '../src/contract.ts';
import { openDatabase } from '../src/db.ts';
for (let i = 0; i < 3; i++) {
  let t0 = performance.now(); await loadSpec(); const a = performance.now() - t0;
  t0 = performance.now(); const db = await openDatabase(`sqlite:/tmp/bt/x${i}-${Date.now()}.db`); const b = performance.now() - t0; await db.destroy();
  console.log('spec', a.toFixed(1), 'db', b.toFixed(1));
}
