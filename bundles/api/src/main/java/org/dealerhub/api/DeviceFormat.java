package org.dealerhub.api;

/** Paper format and colour capability of a device. */
public enum DeviceFormat {
    A4_MONO, A4_COLOUR, A3_MONO, A3_COLOUR
}
