import {
  ANNOTATION_FLAGS,
  DEFAULT_BYTE_RANGE_PLACEHOLDER,
  SIG_FLAGS,
  SUBFILTER_ETSI_CADES_DETACHED,
} from '@signpdf/utils';
import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFString,
} from 'pdf-lib';

/** The signature dictionary's texts, each already a PDF literal (pdfLiteralText), and its time. */
export type PlaceholderInput = {
  reason: string;
  name: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
  /** Room for the CMS, in hex digits. */
  signatureLength: number;
};

/**
 * DocMDP permission 2 (ISO 32000-1 §12.8.2.2): after the seal, only form filling and further
 * signatures are allowed, which includes PAdES's DSS and document timestamps (ETSI EN 319 142-1
 * §5.4); any other change makes a validator report the certification broken.
 */
const DOCMDP_PERMISSION = 2;

/**
 * The signature field of the seal, as @signpdf/placeholder-pdf-lib writes it, plus what makes it a
 * certification signature, which that package cannot write: the signature's /Reference with
 * /TransformMethod /DocMDP, and the catalog's /Perms /DocMDP pointing at the signature. Invisible
 * (an empty rectangle on the first page), printed flag and an empty appearance as PDF/A asks.
 */
export const addCertificationPlaceholder = (doc: PDFDocument, input: PlaceholderInput): void => {
  const { context } = doc;
  const page = doc.getPages()[0]!;
  const byteRange = context.obj([0, ...Array(3).fill(PDFName.of(DEFAULT_BYTE_RANGE_PLACEHOLDER))]);
  const signature = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(input.signatureLength)),
    Reference: [
      {
        Type: 'SigRef',
        TransformMethod: 'DocMDP',
        TransformParams: { Type: 'TransformParams', P: DOCMDP_PERMISSION, V: '1.2' },
      },
    ],
    Reason: PDFString.of(input.reason),
    M: PDFString.fromDate(input.signingTime),
    ContactInfo: PDFString.of(input.contactInfo),
    Name: PDFString.of(input.name),
    Location: PDFString.of(input.location),
    Prop_Build: { Filter: { Name: 'Adobe.PPKLite' }, App: { Name: 'Lettrine' } },
  });
  // Written as raw bytes, as @signpdf does: pdf-lib then never moves it into an object stream,
  // where @signpdf/signpdf could not find the /ByteRange and /Contents to fill.
  const bytes = new Uint8Array(signature.sizeInBytes());
  signature.copyBytesInto(bytes, 0);
  const signatureRef = context.register(PDFInvalidObject.of(bytes));

  const appearance = context.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} });
  const widgetRef = context.register(
    context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      V: signatureRef,
      T: PDFString.of('Sceau du cabinet'),
      F: ANNOTATION_FLAGS.PRINT,
      P: page.ref,
      AP: { N: context.register(appearance) },
    }),
  );
  const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? context.obj([]);
  annotations.push(widgetRef);
  page.node.set(PDFName.of('Annots'), annotations);

  let form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!form) {
    form = context.obj({ Fields: [] });
    doc.catalog.set(PDFName.of('AcroForm'), context.register(form));
  }
  const flags = form.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0;
  form.set(PDFName.of('SigFlags'), PDFNumber.of(flags | SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY));
  const fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray) ?? context.obj([]);
  fields.push(widgetRef);
  form.set(PDFName.of('Fields'), fields);
  doc.catalog.set(PDFName.of('Perms'), context.obj({ DocMDP: signatureRef }));
};
