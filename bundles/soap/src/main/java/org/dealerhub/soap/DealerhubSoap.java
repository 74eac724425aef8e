package org.dealerhub.soap;

import java.util.List;

import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;

/** The SOAP contract: meter-reading submission and history, vendor and package listing. */
@WebService(name = "Dealerhub", targetNamespace = DealerhubSoap.NS)
public interface DealerhubSoap {

    String NS = "http://dealerhub.org/soap/v1";

    @WebMethod
    @WebResult(name = "outcome")
    List<Types.Outcome> submitMeterReadings(@WebParam(name = "deviceId") long deviceId,
            @WebParam(name = "reading") List<Types.Reading> readings) throws DealerhubFault;

    @WebMethod
    @WebResult(name = "reading")
    List<Types.Reading> meterReadingHistory(@WebParam(name = "deviceId") long deviceId) throws DealerhubFault;

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
}
