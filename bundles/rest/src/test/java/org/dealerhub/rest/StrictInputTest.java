package org.dealerhub.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;

import org.dealerhub.api.Device;
import org.dealerhub.api.DomainException;
import org.dealerhub.api.MeterReading;
import org.dealerhub.api.MeterReadingService;
import org.dealerhub.api.PriceList;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Integrators' input is taken only as documented: no silent conversion, no trailing content, bounded bodies. */
class StrictInputTest {

    private static final ObjectMapper JSON = RestServer.objectMapper();
    private static final String DEVICE = "{\"organisationId\":3,\"vendor\":\"canon\",\"model\":\"C3530\","
            + "\"format\":\"A3_COLOUR\",\"serialNumber\":\"SN-1\",\"remotelyMonitored\":true}";
    private static final String COUNTERS = "{\"monoA4\":1,\"colourA4\":2,\"monoA3\":3,\"colourA3\":4,\"banner\":5,"
            + "\"scans\":6}";

    @Test
    void aValidDeviceParses() throws Exception {
        Device.Draft d = JSON.readValue(DEVICE, Device.Draft.class);
        assertEquals(3L, d.organisationId());
        assertEquals(true, d.remotelyMonitored());
    }

    @Test
    void noFloatBecomesAnInteger() {
        assertRefused(DEVICE.replace("\"organisationId\":3", "\"organisationId\":3.5"), Device.Draft.class,
                "organisationId");
        assertRefused(DEVICE.replace("\"organisationId\":3", "\"organisationId\":3.0"), Device.Draft.class,
                "organisationId");
        assertRefused("{\"date\":\"2026-01-01\",\"counters\":" + COUNTERS.replace("\"monoA4\":1", "\"monoA4\":3.5")
                + "}", MeterReading.Draft.class, "counters.monoA4");
    }

    @Test
    void noScalarIsCoerced() {
        for (String bad : List.of("\"\"", "0", "1", "1e30", "\"true\"", "\"yes\"")) {
            assertRefused(DEVICE.replace("\"remotelyMonitored\":true", "\"remotelyMonitored\":" + bad),
                    Device.Draft.class, "remotelyMonitored");
        }
        for (String bad : List.of("\"3\"", "\"\"", "true", "1e30")) {
            assertRefused(DEVICE.replace("\"organisationId\":3", "\"organisationId\":" + bad), Device.Draft.class,
                    "organisationId");
        }
        assertRefused(DEVICE.replace("\"vendor\":\"canon\"", "\"vendor\":5"), Device.Draft.class, "vendor");
        assertRefused(DEVICE.replace("\"format\":\"A3_COLOUR\"", "\"format\":1"), Device.Draft.class, "format");
        assertRefused("{\"prices\":{\"monthlyFee\":\"820\"}}", PriceList.Change.class, "prices.monthlyFee");
    }

    @Test
    void noNumberIsADateAndNoNullAPrimitive() {
        assertRefused("{\"date\":-1,\"counters\":" + COUNTERS + "}", MeterReading.Draft.class, "date");
        assertRefused("{\"date\":\"\",\"counters\":" + COUNTERS + "}", MeterReading.Draft.class, "date");
        assertRefused("{\"date\":\"2026-01-01\",\"counters\":" + COUNTERS.replace("\"monoA4\":1", "\"monoA4\":null")
                + "}", MeterReading.Draft.class, "counters.monoA4");
    }

    @Test
    void datesAreReadAsJacksonReadsThem() throws Exception {
        for (String valid : List.of("2026-01-01", "2024-02-29", "1900-01-01", "2199-12-31", " 2026-01-01 ")) {
            assertEquals(LocalDate.parse(valid.trim()), JSON.readValue("{\"date\":\"" + valid + "\",\"counters\":"
                    + COUNTERS + "}", MeterReading.Draft.class).date(), valid);
        }
        for (String invalid : List.of("2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-1-01",
                "2026/01/01", "2026-01-0x", "+026-01-01", "2026-01-01T00:00", "26-01-01")) {
            assertRefused("{\"date\":\"" + invalid + "\",\"counters\":" + COUNTERS + "}", MeterReading.Draft.class,
                    "date");
        }
    }

    @Test
    void trailingContentIsRefused() {
        assertRefused(DEVICE + " {}", Device.Draft.class, null);
        assertRefused(DEVICE + "x", Device.Draft.class, null);
    }

    @Test
    void instantsInEveryIsoOffsetForm() throws Exception {
        Instant noon = Instant.parse("2026-04-01T12:00:00Z");
        for (String form : List.of("2026-04-01T12:00:00Z", "2026-04-01T12:00Z", "2026-04-01T14:00+02:00",
                "2026-04-01T14:00:00+02:00", "2026-04-01T07:00-05:00", "2026-04-01T12:00:00.000Z")) {
            assertEquals(noon, JSON.readValue("{\"registeredAt\":\"" + form + "\"}", DeadlineResource.Quote.class)
                    .registeredAt(), form);
        }
        for (String bad : List.of("\"2026-04-01T12:00\"", "\"2026-04-01\"", "1775044800", "\"noon\"", "\"\"")) {
            assertRefused("{\"registeredAt\":" + bad + "}", DeadlineResource.Quote.class, "registeredAt");
        }
    }

    @Test
    void aNullBodyOrNullReadingIsRefusedNamingIt() {
        MeterReadingResource resource = new MeterReadingResource(null, JSON);
        DomainException nullBody = assertThrows(DomainException.class, () -> resource.parse(stream("null")));
        assertEquals("body", nullBody.field());
        DomainException nullItem = assertThrows(DomainException.class,
                () -> resource.parse(stream("{\"readings\":[null]}")));
        assertEquals("readings[0]", nullItem.field());
        DomainException typed = assertThrows(DomainException.class,
                () -> resource.parse(stream("[{\"date\":\"2026-01-01\",\"counters\":" + COUNTERS.replace("1,", "1.5,")
                        + "}]")));
        assertEquals("readings[0].counters.monoA4", typed.field());
    }

    @Test
    void aBatchIsRefusedAtItsCapWithoutReadingTheRest() throws Exception {
        String reading = "{\"date\":\"2026-01-01\",\"counters\":" + COUNTERS + "},";
        byte[] batch = ("[" + reading.repeat(MeterReadingService.MAX_BATCH + 1)).getBytes(StandardCharsets.UTF_8);
        CountingStream rest = new CountingStream(50_000_000);
        MeterReadingResource resource = new MeterReadingResource(null, JSON);
        for (String prefix : List.of("", "{\"readings\":")) {
            DomainException e = assertThrows(DomainException.class, () -> resource.parse(new SequenceInputStream(
                    new ByteArrayInputStream(prefix.getBytes(StandardCharsets.UTF_8)),
                    new SequenceInputStream(new ByteArrayInputStream(batch), rest))), () -> prefix);
            assertEquals("readings", e.field());
            assertTrue(rest.read < 100_000, "read " + rest.read + " bytes past the cap");
        }
        MeterReadingResource.Submission full = resource.parse(stream("[" + reading.repeat(
                MeterReadingService.MAX_BATCH - 1) + reading.substring(0, reading.length() - 1) + "]"));
        assertEquals(MeterReadingService.MAX_BATCH, full.readings().size());
    }

    @Test
    void aBodyOverItsCapIsRefusedWhileReading() throws Exception {
        BodyLimit.Limited limited = new BodyLimit.Limited(new CountingStream(10_000), 1_000);
        WebApplicationException e = assertThrows(WebApplicationException.class,
                () -> limited.readAllBytes());
        assertEquals(413, e.getResponse().getStatus());
        assertEquals("body", ((ApiError) e.getResponse().getEntity()).field());
        assertEquals(BodyLimit.BATCH_BYTES, BodyLimit.limit("devices/1/meter-readings"));
        assertEquals(BodyLimit.DEFAULT_BYTES, BodyLimit.limit("devices/1"));
        // a refusal thrown from the stream inside a Jackson failure keeps its answer
        Response inside = new Errors.JsonMapper().toResponse(new com.fasterxml.jackson.databind.JsonMappingException(
                null, "wrapped", e));
        assertEquals(413, inside.getStatus());
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String json, Class<?> type, String field) {
        try {
            JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            Response r = new Errors.JsonMapper().toResponse(e);
            assertEquals(400, r.getStatus(), json);
            ApiError error = (ApiError) r.getEntity();
            assertEquals(field, error.field(), json);
            assertTrue(error.error().length() < 100, error.error());
            return;
        }
        throw new AssertionError("accepted " + json);
    }

    /** Endless whitespace, counting what was read of it. */
    private static final class CountingStream extends InputStream {
        private final long size;
        long read;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read == size) {
                return -1;
            }
            read++;
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = (int) Math.min(len, size - read);
            if (n <= 0) {
                return -1;
            }
            java.util.Arrays.fill(b, off, off + n, (byte) ' ');
            read += n;
            return n;
        }
    }

}
