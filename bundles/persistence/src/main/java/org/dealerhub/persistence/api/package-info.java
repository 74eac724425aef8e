/**
 * The persistence boundary the core sees: a unit of work ({@link org.dealerhub.persistence.api.Store}) and one
 * repository per kind of record, speaking the api's values. Entities, JPQL and the EntityManager stay private to
 * the persistence bundle. Every method that reads or writes an organisation's data takes the
 * {@link org.dealerhub.api.Caller} and applies the organisation filter itself (PORTAL-ACCT-1).
 */
package org.dealerhub.persistence.api;
