package org.dealerhub.persistence.api;

/** The repositories of one unit of work. */
public interface Repositories {

    OrganisationRepository organisations();

    DeviceRepository devices();

    ContractRepository contracts();

    ReadingRepository readings();

    TermsRepository terms();

    OrderRepository orders();

    Outbox outbox();

    /** Monitoring events, loans, resolutions and work on orders (issue 9). */
    OrderOperationsRepository operations();
    SupportRepository support();
    SlaRecords sla();
    BillingRepository billing();
    PortalUserRepository portalUsers();

    /** The portal's data (issue 11): local stock, knowledge articles, the service centre's account records. */
    StockRepository stock();

    KnowledgeRepository knowledge();

    AccountRecords accounts();
}
