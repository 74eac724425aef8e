package org.dealerhub.soap;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlType;

/** Fault detail: the same content as the REST error shape. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "faultInfo", namespace = DealerhubSoap.NS)
public class FaultInfo {
    public String error;
    public String field;
    public String rule;
    public String kind;
}
