import type {
  TileBuildings,
  TileContent,
  TileContentSettings,
} from '../../src/domain/buildings/tiles/tileContentWriter';

/** Main thread → tile writer thread. */
export type ToTileWriter =
  /** How every tile of this tileset is written; comes before the first tile. */
  | { type: 'settings'; settings: TileContentSettings }
  | { type: 'tile'; id: number; buildings: TileBuildings };

/** Tile writer thread → main thread. */
export type FromTileWriter =
  | { type: 'tile'; id: number; content: TileContent }
  | { type: 'failed'; id: number; message: string; stack: string | undefined };
