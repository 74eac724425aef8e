/**
 * Dealerhub's domain values and services, as the front ends (REST, SOAP, console, portal) see them.
 * Plain Java: no OSGi, JPA or CXF types.
 */
@Export
@Version("1.0.0")
package org.dealerhub.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
