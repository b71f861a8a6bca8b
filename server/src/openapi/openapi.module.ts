import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OpenApiController } from './openapi.controller';
import { RouteInventory } from './route-inventory';

@Module({ imports: [DiscoveryModule], controllers: [OpenApiController], providers: [RouteInventory], exports: [RouteInventory] })
export class OpenApiModule {}
