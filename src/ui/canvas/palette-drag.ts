/** The drag payload from the palette to the canvas: a node kind under Faultline's own MIME type. */
export const KIND_MIME = 'application/x-faultline-kind';
