package org.dealerhub.soap;

import javax.xml.ws.WebFault;

import org.dealerhub.api.DomainException;

/** The SOAP form of the one error shape: a fault whose detail carries the message, field and rule id. */
@WebFault(name = "DealerhubFault", targetNamespace = DealerhubSoap.NS)
public class DealerhubFault extends Exception {
    private static final long serialVersionUID = 1L;

    private final FaultInfo faultInfo;

    public DealerhubFault(String message, FaultInfo faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    static DealerhubFault of(DomainException e) {
        FaultInfo info = new FaultInfo();
        info.error = e.getMessage();
        info.field = e.field();
        info.rule = e.rule();
        info.kind = e.kind().name();
        return new DealerhubFault(e.describe(), info);
    }

    /** Too many failed logins: the caller waits (the message is ours, never the caller's input). */
    static DealerhubFault throttled(String message) {
        FaultInfo info = new FaultInfo();
        info.error = message;
        info.kind = "THROTTLED";
        return new DealerhubFault(message, info);
    }

    /** Our own failure: logged by the caller, told to the client without internals. */
    static DealerhubFault internal() {
        FaultInfo info = new FaultInfo();
        info.error = "internal error";
        info.kind = "INTERNAL";
        return new DealerhubFault(info.error, info);
    }

    public FaultInfo getFaultInfo() {
        return faultInfo;
    }
}
