/**
 * The vendor SPI: what a vendor bundle contributes as Declarative Services. Each interface is one small capability;
 * calls take context values so the SPI can grow without breaking vendors; policies return values, never void.
 */
@Export
@Version("1.0.0")
package org.dealerhub.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
