/** The canvas node's footprint (src/ui/canvas/nodes): a layout needs a size to keep nodes apart. */
export const LAYOUT_NODE_WIDTH_PX = 190;
export const LAYOUT_NODE_HEIGHT_PX = 96;
/** The least gap between two cards above each other in a rank (dagre's nodesep, the folded columns' gap). */
export const ROW_GAP_PX = 36;
