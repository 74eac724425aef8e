package org.dealerhub.core.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dealerhub.api.spi.BusinessCalendar;

/**
 * The response-time clock of one service order. Pure: from the instant the order was registered, the deadline the
 * vendor's rule gave it then, the pauses so far and an instant to look at, in the calendar the rule counted in.
 *
 * <p>The budget is the business time from registration to the original deadline. Every pause (an incomplete order,
 * KMUA-ORDER-1; debt, KMUA-DEBT-1; an open question to the customer, KMUA-SW-3) stops the clock for its business
 * time only, however many pauses there are and whatever days they start and end on; overlapping pauses count once.
 * The deadline therefore moves by exactly the paused business time. An order is breached once the business time it
 * used exceeds the budget, and stays shown as breached while it is paused afterwards.
 */
public final class SlaClock {

    private final BusinessCalendar calendar;
    private final Instant registeredAt;
    private final Instant deadline;
    private final Duration budget;

    /** A pause of the clock; {@code to} is empty while it lasts. */
    public record Pause(Instant from, Optional<Instant> to, String reason) {
        public Pause {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isPresent() && to.get().isBefore(from)) {
                throw new IllegalArgumentException("a pause ends after it starts");
            }
        }
    }

    /**
     * Where the clock stands at an instant.
     *
     * @param deadline the deadline moved by the business time paused so far
     * @param used business time used, pauses excluded
     * @param paused business time paused so far
     * @param left business time left before the deadline; negative once breached
     * @param breached whether more business time was used than the budget
     * @param running false while a pause lasts
     */
    public record Status(Instant deadline, Duration budget, Duration used, Duration paused, Duration left,
            boolean breached, boolean running) {
    }

    public SlaClock(BusinessCalendar calendar, Instant registeredAt, Instant deadline) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.budget = calendar.businessTimeBetween(registeredAt, deadline);
    }

    /** The business time the order may use before it is late. */
    public Duration budget() {
        return budget;
    }

    /**
     * The clock at {@code at}: while the order waits for its response, the instant to look at is now; once the
     * response is recorded, the response's instant (later pauses no longer matter).
     */
    public Status at(Instant at, List<Pause> pauses) {
        Instant end = at.isBefore(registeredAt) ? registeredAt : at;
        List<BusinessCalendar.Pause> closed = new ArrayList<>(pauses.size());
        boolean running = true;
        for (Pause p : pauses) {
            if (p.from().isAfter(end)) {
                continue;
            }
            boolean lasting = p.to().map(t -> t.isAfter(end)).orElse(true);
            running &= !lasting;
            closed.add(new BusinessCalendar.Pause(p.from(), lasting ? end : p.to().get()));
        }
        Duration gross = calendar.businessTimeBetween(registeredAt, end);
        Duration used = calendar.businessTimeBetween(registeredAt, end, closed);
        Duration paused = gross.minus(used);
        Instant moved = paused.isZero() ? deadline : calendar.plusBusinessTime(deadline, paused);
        return new Status(moved, budget, used, paused, budget.minus(used), used.compareTo(budget) > 0, running);
    }

    /**
     * When the order's business time ran out: walking from registration through business time, the pauses
     * skipped, the instant the budget was used up; empty while an open pause stops the clock before that.
     */
    public Optional<Instant> runsOutAt(List<Pause> pauses) {
        List<Pause> sorted = new ArrayList<>(pauses);
        sorted.sort(Comparator.comparing(Pause::from));
        Duration remaining = budget;
        Instant cursor = registeredAt;
        for (Pause p : sorted) {
            if (p.to().isPresent() && !p.to().get().isAfter(cursor)) {
                continue;
            }
            if (p.from().isAfter(cursor)) {
                Duration before = calendar.businessTimeBetween(cursor, p.from());
                if (before.compareTo(remaining) >= 0) {
                    break;
                }
                remaining = remaining.minus(before);
                cursor = p.from();
            }
            if (p.to().isEmpty()) {
                return Optional.empty();
            }
            cursor = p.to().get();
        }
        return Optional.of(calendar.plusBusinessTime(cursor, remaining));
    }
}
