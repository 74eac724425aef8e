package org.dealerhub.api;

/**
 * Contracts. {@link #create} signs: it snapshots the vendor's package definition and terms version
 * (KMNO-TERMS-1). {@link #update} may change only the end date and the devices; vendor, market, package and
 * terms stay as signed.
 */
public interface ContractService extends Crud<Contract, Contract.Draft> {
}
