package org.dealerhub.soap;

import java.util.regex.Pattern;

import javax.xml.bind.JAXBException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.security.AuthenticationException;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every fault leaves in one shape, whatever raised it: fault code Client (SOAP 1.2: Sender) for the caller's
 * mistakes, Server (Receiver) for ours, and the detail {@code DealerhubFault} with error, field, rule and kind, the
 * content of the REST error shape. The text names the field and the rule, never the submitted value, and no stack
 * trace or parser message reaches the client.
 */
final class FaultShape extends AbstractPhaseInterceptor<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(FaultShape.class);

    /** What may be quoted from the request as a field: an element name of our contract, never a value. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}");
    /** Messages of the domain name fields; this bounds what one of them could still quote. */
    private static final int MAX_MESSAGE = 200;

    FaultShape() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    public void handleMessage(Message message) {
        Exception failure = message.getContent(Exception.class);
        FaultInfo info = describe(failure, message.getExchange().getInMessage());
        boolean server = "INTERNAL".equals(info.kind);
        Fault fault = new Fault(new Exception(info.error), server ? Fault.FAULT_CODE_SERVER : Fault.FAULT_CODE_CLIENT);
        fault.setMessage(info.error);
        if (failure instanceof Fault original) {
            fault.setStatusCode(original.getStatusCode());
        }
        Element detail = fault.getOrCreateDetail();
        Document doc = detail.getOwnerDocument();
        Element root = doc.createElementNS(DealerhubSoap.NS, "d:DealerhubFault");
        detail.appendChild(root);
        child(root, "error", info.error);
        child(root, "field", info.field);
        child(root, "rule", info.rule);
        child(root, "kind", info.kind);
        message.setContent(Exception.class, fault);
    }

    private static FaultInfo describe(Exception failure, Message in) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DealerhubFault refusal) {
                FaultInfo info = refusal.getFaultInfo();
                if (info.error != null && info.error.length() > MAX_MESSAGE) {
                    info.error = info.error.substring(0, MAX_MESSAGE) + "…";
                }
                return info;
            }
            if (t instanceof AuthenticationException) {
                return info("authentication required", null, "UNAUTHENTICATED");
            }
        }
        if (in == null || !Boolean.TRUE.equals(in.get(WholeEnvelope.READ))) {
            // the request was not fully read and bound: malformed XML, a value of the wrong type, an unknown
            // operation or element, or over a size limit of the parser
            if (has(failure, XMLStreamException.class)) {
                return info("malformed XML or over a size limit", null, "INVALID");
            }
            String field = has(failure, JAXBException.class) ? element(in) : null;
            return info(field == null ? "request does not match the WSDL" : "invalid value for " + field, field,
                    "INVALID");
        }
        LOG.error("Unexpected failure in the SOAP API", failure);
        return info("internal error", null, "INTERNAL");
    }

    /** The element the parser stopped at: the one whose value the data binding refused. */
    private static String element(Message in) {
        XMLStreamReader reader = in == null ? null : in.getContent(XMLStreamReader.class);
        try {
            if (reader != null && (reader.getEventType() == XMLStreamConstants.START_ELEMENT
                    || reader.getEventType() == XMLStreamConstants.END_ELEMENT)) {
                String name = reader.getLocalName();
                return NAME.matcher(name).matches() ? name : null;
            }
        } catch (RuntimeException unreadable) {
            // no element to name
        }
        return null;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static FaultInfo info(String error, String field, String kind) {
        FaultInfo info = new FaultInfo();
        info.error = error;
        info.field = field;
        info.kind = kind;
        return info;
    }

    private static void child(Element parent, String name, String text) {
        if (text != null) {
            Element e = parent.getOwnerDocument().createElementNS(null, name);
            e.setTextContent(text);
            parent.appendChild(e);
        }
    }
}
