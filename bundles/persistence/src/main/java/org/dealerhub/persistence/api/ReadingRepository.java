package org.dealerhub.persistence.api;

import java.util.List;

import org.dealerhub.api.Caller;
import org.dealerhub.api.MeterCorrection;
import org.dealerhub.api.MeterReading;

/**
 * Meter readings. A customer reads a device's readings only for the days its organisation owned the device, and
 * writes only to a device it owns now.
 */
public interface ReadingRepository {

    /** The visible readings of a visible device (else NOT_FOUND), oldest first. */
    List<MeterReading> history(Caller caller, long deviceId);

    /**
     * The corrections of a visible device's history (else NOT_FOUND), oldest first; a customer reads those of the
     * days its organisation owned the device.
     */
    List<MeterCorrection> corrections(Caller caller, long deviceId);

    /**
     * The device's log for a submission, holding the device's row lock until the unit of work ends, so concurrent
     * submissions for one device are decided one after the other. NOT_FOUND unless visible, FORBIDDEN unless the
     * caller is a dealer or the device's current owner.
     */
    MeterLog writable(Caller caller, long deviceId);
}
