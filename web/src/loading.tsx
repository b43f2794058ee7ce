/**
 * A spinner while a page or part of one loads. antd's Spin is a plain div: an aria-label on it is
 * prohibited (axe: aria-prohibited-attr), so the label sits on a status region around it.
 */
import { Spin } from 'antd';

export function Loading() {
  return (
    <div role="status" aria-label="加载中">
      <Spin />
    </div>
  );
}
