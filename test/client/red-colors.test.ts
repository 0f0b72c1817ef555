/** Step colours by whose console it is: the red cell's successes are green on its own console only. */
import { describe, expect, it } from 'vitest';
import { stepColors } from '../../client/features/red/CampaignGraph.tsx';

describe('campaign step colours', () => {
  it("are the defenders' on their consoles and flipped for succeeded and failed on red's", () => {
    const ok = '#4cc38a';
    const bad = '#f03e3e';
    expect(stepColors('defence')).toMatchObject({ succeeded: bad, failed: ok });
    expect(stepColors('red')).toMatchObject({ succeeded: ok, failed: bad });
    const { succeeded: _a, failed: _b, ...rest } = stepColors('red');
    const { succeeded: _c, failed: _d, ...same } = stepColors('defence');
    expect(rest).toEqual(same);
  });
});
