package org.dealerhub.api;

import java.util.List;

/** Meter readings: PORTAL-METER-1..3. */
public interface MeterReadingService {

    /** The most readings one submission may carry. */
    int MAX_BATCH = 5000;

    /**
     * Submits one or more readings for a device. Each is accepted or refused on its own; the accepted ones are
     * durable when this returns.
     */
    List<MeterReading.Outcome> submit(Caller caller, long deviceId, List<MeterReading.Draft> readings);

    /** The device's accepted readings, oldest first. */
    List<MeterReading> history(Caller caller, long deviceId);
}
