/** Responsible cadres (帮扶责任人) of the demo county: each one takes up to eight households. */
import type { DemoContext, Sqlite } from './context';
import { CADRE_POSTS, CADRE_UNITS, personName } from './names';

export class CadrePool {
  private count = 0;
  private assignments = 0;
  private readonly insert;

  constructor(private readonly ctx: DemoContext, sqlite: Sqlite) {
    this.insert = sqlite.prepare('INSERT INTO cadres (id, name, unit, post, phone) VALUES (?, ?, ?, ?, ?)');
  }

  /** The cadre for the next household of a township; a new one every eight households. */
  current(townshipName: string): number {
    if (this.assignments % 8 === 0 || this.count === 0) this.add(townshipName);
    this.assignments++;
    return this.count;
  }

  /** Any cadre written so far. */
  any(): number {
    return this.ctx.rng.int(1, this.count);
  }

  private add(townshipName: string): void {
    const { rng } = this.ctx;
    this.count++;
    const unit = rng.chance(0.2) ? `${townshipName}人民政府` : rng.pick(CADRE_UNITS);
    this.insert.run(this.count, personName(rng, rng.chance(0.7) ? 'M' : 'F'), unit, rng.pick(CADRE_POSTS), this.ctx.phone());
  }
}
