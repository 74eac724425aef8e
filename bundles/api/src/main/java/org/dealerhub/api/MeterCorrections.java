package org.dealerhub.api;

import java.util.List;

/**
 * Corrections of meter histories (PORTAL-METER-4). Dealer users correct; whoever reads the device's history reads
 * its corrections. A correction keeps the history consistent (PORTAL-METER-1, -2: refused, naming the rule, if it
 * would leave a later reading lower than an earlier one, or two on one day), is decided under the device's row
 * lock like submissions, and billing reads the corrected history (a later run bills the difference).
 */
public interface MeterCorrections {

    MeterCorrection correct(Caller caller, long deviceId, MeterCorrection.Draft draft);

    /** The device's corrections, oldest first. */
    List<MeterCorrection> list(Caller caller, long deviceId);
}
