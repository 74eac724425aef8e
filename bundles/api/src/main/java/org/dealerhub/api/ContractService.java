package org.dealerhub.api;

import java.util.Map;

/**
 * Contracts. {@link #create} signs: it snapshots the vendor's package definition and terms version
 * (KMNO-TERMS-1). {@link #update} may change only the end date and the devices; vendor, market, package and
 * terms stay as signed.
 */
public interface ContractService extends Crud<Contract, Contract.Draft> {

    /**
     * The contract's agreed billing terms, e.g. {@code billing=prepaid}, {@code minimumMonoA4=24000}: the names are
     * the vendor policy's to define (issue 10).
     */
    Map<String, String> billingTerms(Caller caller, long id);

    /**
     * Replaces the billing terms of a contract still at {@code version} (dealer users only); the contract's version
     * moves on.
     */
    Contract setBillingTerms(Caller caller, long id, long version, Map<String, String> terms);
}
