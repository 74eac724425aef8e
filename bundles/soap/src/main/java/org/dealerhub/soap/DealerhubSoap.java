package org.dealerhub.soap;

import java.util.List;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.xml.bind.annotation.XmlElement;

/**
 * The SOAP contract: meter-reading submission and history, vendor and package listing, and service orders from
 * system to system (issue 9: register, status, open orders), an organisation's invoices (issue 10). Ids and counters are required (minOccurs 1 in the
 * WSDL) and checked, so a missing one is refused instead of read as 0.
 */
@WebService(name = "Dealerhub", targetNamespace = DealerhubSoap.NS)
public interface DealerhubSoap {

    String NS = "http://dealerhub.org/soap/v1";

    @WebMethod
    @WebResult(name = "outcome")
    List<Types.Outcome> submitMeterReadings(@WebParam(name = "deviceId") @XmlElement(required = true) Long deviceId,
            @WebParam(name = "reading") @XmlElement(required = true) List<Types.Reading> readings)
            throws DealerhubFault;

    @WebMethod
    @WebResult(name = "reading")
    List<Types.Reading> meterReadingHistory(@WebParam(name = "deviceId") @XmlElement(required = true) Long deviceId)
            throws DealerhubFault;

    @WebMethod
    @WebResult(name = "vendor")
    List<Types.VendorInfo> listVendors() throws DealerhubFault;

    @WebMethod
    @WebResult(name = "deadline")
    Types.Deadline responseDeadline(@WebParam(name = "vendor") String vendor,
            @WebParam(name = "packageCode") String packageCode, @WebParam(name = "market") String market,
            @WebParam(name = "registeredAt") String registeredAt, @WebParam(name = "fact") List<Types.Fact> facts)
            throws DealerhubFault;

    @WebMethod
    @WebResult(name = "package")
    List<Types.PackageInfo> listPackages(@WebParam(name = "vendor") String vendor,
            @WebParam(name = "market") String market) throws DealerhubFault;

    /** Registers a service order from another system (channel SOAP, KMUA-CHAN-1); answers its number and clock. */
    @WebMethod
    @WebResult(name = "order")
    Types.OrderInfo registerOrder(@WebParam(name = "draft") @XmlElement(required = true) Types.OrderDraft draft)
            throws DealerhubFault;

    @WebMethod
    @WebResult(name = "order")
    Types.OrderInfo orderStatus(@WebParam(name = "orderId") @XmlElement(required = true) Long orderId)
            throws DealerhubFault;

    /** The caller's open orders (registered, in progress, extended), earliest deadline first. */
    @WebMethod
    @WebResult(name = "order")
    List<Types.OrderInfo> openOrders() throws DealerhubFault;

    /** The organisation's invoices, newest first, each line explained with its rule (issue 10). */
    @WebMethod
    @WebResult(name = "invoice")
    List<Types.InvoiceInfo> invoices(
            @WebParam(name = "organisationId") @XmlElement(required = true) Long organisationId)
            throws DealerhubFault;
}
