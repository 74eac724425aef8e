package org.dealerhub.rest;

import java.time.Instant;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.dealerhub.api.ResponseDeadlines;
import org.dealerhub.api.spi.ResponseDeadline;

import io.swagger.v3.oas.annotations.Operation;

/** Quotes a response deadline: integrators use it before they register an order. */
@Path("response-deadline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeadlineResource {

    /** What to quote: a vendor's package in a market, the registration instant and the order's facts. */
    public record Quote(String vendor, String packageCode, String market, Instant registeredAt,
            Map<String, String> facts) {
    }

    /** The deadline, or none with the reason; the clock start and the rule that decided. */
    public record Deadline(Instant deadline, Instant clockStart, String reason, String rule) {
        static Deadline of(ResponseDeadline d) {
            return new Deadline(d.deadline().orElse(null), d.clockStart(), d.reason(), d.rule());
        }
    }

    private final ResponseDeadlines deadlines;

    DeadlineResource(ResponseDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @POST
    @Operation(operationId = "quoteResponseDeadline")
    public Deadline quote(Quote quote) {
        if (quote == null) {
            throw org.dealerhub.api.DomainException.invalid("body", "a request body is required");
        }
        return Deadline.of(deadlines.deadline(new ResponseDeadlines.Request(quote.vendor(), quote.packageCode(),
                quote.market(), quote.registeredAt(), quote.facts())));
    }
}
