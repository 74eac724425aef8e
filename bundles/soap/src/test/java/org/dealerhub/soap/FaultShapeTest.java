package org.dealerhub.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.xml.stream.XMLStreamException;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.dealerhub.api.DomainException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Which failures are the client's (Client/Sender) and which ours (Server/Receiver), and what a fault may say. */
class FaultShapeTest {

    @Test
    void refusalsOfTheDomainAreClientFaultsWithFieldAndRule() {
        Fault fault = shape(new Fault(DealerhubFault.of(DomainException.rule("PORTAL-METER-1", "monoA4",
                "counters cannot go down"))), true);
        assertEquals(Fault.FAULT_CODE_CLIENT, fault.getFaultCode());
        assertEquals("counters cannot go down", fault.getMessage());
        assertEquals("monoA4", detail(fault, "field"));
        assertEquals("PORTAL-METER-1", detail(fault, "rule"));
        assertEquals("RULE", detail(fault, "kind"));
        for (DomainException e : new DomainException[] {DomainException.notFound("device", 5),
                DomainException.forbidden("no"), DomainException.conflict("x", "taken"),
                DomainException.invalid("deviceId", "deviceId is required")}) {
            assertEquals(Fault.FAULT_CODE_CLIENT, shape(new Fault(DealerhubFault.of(e)), true).getFaultCode());
        }
    }

    @Test
    void ourOwnFailuresAreServerFaultsWithoutInternals() {
        Fault internal = shape(new Fault(DealerhubFault.internal()), true);
        assertEquals(Fault.FAULT_CODE_SERVER, internal.getFaultCode());
        assertEquals("INTERNAL", detail(internal, "kind"));
        // after the envelope was read, anything but a refusal is ours
        Fault unexpected = shape(new Fault(new IllegalStateException("secret internals")), true);
        assertEquals(Fault.FAULT_CODE_SERVER, unexpected.getFaultCode());
        assertEquals("internal error", unexpected.getMessage());
        assertEquals("INTERNAL", detail(unexpected, "kind"));
    }

    @Test
    void failuresBeforeTheEnvelopeWasReadAreTheClientsAndQuoteNothing() {
        Fault parse = shape(new Fault(new XMLStreamException("Unexpected character 'y' in " + "y".repeat(1000))),
                false);
        assertEquals(Fault.FAULT_CODE_CLIENT, parse.getFaultCode());
        assertEquals("malformed XML or over a size limit", parse.getMessage());
        assertEquals("INVALID", detail(parse, "kind"));
        assertNull(detail(parse, "field"));
        Fault other = shape(new Fault(new IllegalArgumentException("Unexpected wrapper element {x}yyyy")), false);
        assertEquals(Fault.FAULT_CODE_CLIENT, other.getFaultCode());
        assertEquals("request does not match the WSDL", other.getMessage());
    }

    @Test
    void aLongDomainMessageIsCut() {
        Fault fault = shape(new Fault(DealerhubFault.of(DomainException.invalid("market", "vendor "
                + "v".repeat(100_000) + " does not serve it"))), true);
        assertTrue(fault.getMessage().length() <= 201, fault.getMessage().length() + " characters");
    }

    private static Fault shape(Exception failure, boolean envelopeRead) {
        Message in = new MessageImpl();
        if (envelopeRead) {
            in.put(WholeEnvelope.READ, Boolean.TRUE);
        }
        Exchange exchange = new ExchangeImpl();
        exchange.setInMessage(in);
        Message out = new MessageImpl();
        out.setExchange(exchange);
        out.setContent(Exception.class, failure);
        new FaultShape().handleMessage(out);
        return (Fault) out.getContent(Exception.class);
    }

    private static String detail(Fault fault, String name) {
        Element root = (Element) fault.getDetail().getFirstChild();
        assertEquals(DealerhubSoap.NS, root.getNamespaceURI());
        assertEquals("DealerhubFault", root.getLocalName());
        for (Element e = (Element) root.getFirstChild(); e != null; e = (Element) e.getNextSibling()) {
            if (e.getLocalName().equals(name)) {
                return e.getTextContent();
            }
        }
        return null;
    }
}
