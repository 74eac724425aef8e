package org.dealerhub.soap;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.StaxInEndingInterceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * CXF binds the operation as soon as it has read the body's first element; this reads the rest of the envelope
 * before the operation runs, so a truncated or otherwise malformed envelope is refused and changes nothing. It also
 * marks the request as read: a failure before this point is the client's, after it ours (see {@link FaultShape}).
 */
final class WholeEnvelope extends AbstractPhaseInterceptor<Message> {

    static final String READ = "dealerhub.envelopeRead";

    WholeEnvelope() {
        super(Phase.PRE_INVOKE);
        addBefore(StaxInEndingInterceptor.class.getName()); // which closes the reader
    }

    @Override
    public void handleMessage(Message message) {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        try {
            while (reader != null && reader.hasNext()) {
                reader.next();
            }
        } catch (XMLStreamException e) {
            throw new Fault(e);
        }
        message.put(READ, Boolean.TRUE);
    }
}
