import { Box, Text } from '@mantine/core';
import classes from './detail-list.module.css';

export type DetailItem = { label: string; value: React.ReactNode };

// A description list (dl/dt/dd), so that assistive technology reads each value with its label.
export const DetailList = ({ items }: { items: readonly DetailItem[] }) => (
  <Box component="dl" className={classes.list}>
    {items.map((item) => (
      <div key={item.label}>
        <Text component="dt" size="sm" c="dimmed">
          {item.label}
        </Text>
        <Text component="dd" m={0}>
          {item.value}
        </Text>
      </div>
    ))}
  </Box>
);
