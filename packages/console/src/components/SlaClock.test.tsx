import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOW } from '../testing/fixtures';
import { SlaClock } from './SlaClock';

const at = (offsetMinutes: number) => new Date(NOW + offsetMinutes * 60_000).toISOString();
const sla = { startedAt: at(0), deadline: at(15), firstReplyAt: null };

describe('SlaClock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('counts down once a second, turns amber past half and red once breached', () => {
    render(<SlaClock sla={sla} />);
    const clock = () => screen.getByTitle(/SLA from the first public post/);
    expect(clock().textContent).toContain('15:00 left');
    expect(clock().className).toContain('sla--ok');

    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(clock().textContent).toContain('14:59 left');

    act(() => {
      vi.advanceTimersByTime(7 * 60_000 + 29_000);
    }); // 7:30 left: exactly half
    expect(clock().textContent).toContain('7:30 left');
    expect(clock().className).toContain('sla--half');
    expect(clock().textContent).toContain('past half of the SLA');

    act(() => {
      vi.advanceTimersByTime(7 * 60_000 + 40_000);
    }); // 10 s past the deadline
    expect(clock().textContent).toContain('0:10 over');
    expect(clock().className).toContain('sla--breached');
    expect(clock().textContent).toContain('SLA breached');
  });

  it('stops at the first private reply and says whether it was in time', () => {
    const { rerender } = render(<SlaClock sla={{ ...sla, firstReplyAt: at(4) }} />);
    expect(screen.getByTitle(/SLA/).textContent).toContain('Answered in 4 min');
    expect(screen.getByTitle(/SLA/).className).toContain('sla--met');
    rerender(<SlaClock sla={{ ...sla, firstReplyAt: at(18) }} />);
    expect(screen.getByTitle(/SLA/).textContent).toContain('Answered 3 min late');
    expect(screen.getByTitle(/SLA/).className).toContain('sla--late');
  });

  it('shares one timer between every clock on screen, and stops it when none is left', () => {
    const { unmount } = render(
      <div>
        {Array.from({ length: 50 }, (_, i) => (
          <SlaClock key={i} sla={sla} />
        ))}
      </div>,
    );
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
